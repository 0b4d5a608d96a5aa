from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_USERS = [
    ("editor", "editor-demo-password", "Editors"),
    ("viewer", "viewer-demo-password", "Viewers"),
]


class Command(BaseCommand):
    help = (
        "Make sure the local demo accounts exist (DEBUG only) and print their logins. "
        "Example: DEBUG=true manage.py ensure_demo_users"
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only for local development (DEBUG=true).")
        User = get_user_model()
        for username, password, group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            # Reset the password every time so the printed login always works.
            user.set_password(password)
            # Editors do bulk edits in the admin site.
            user.is_staff = group_name == "Editors"
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            state = "created" if created else "ready"
            self.stdout.write(
                f"Demo {group_name[:-1].lower()} {state}: username {username!r}, "
                f"password {password!r}"
            )
