from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from factcheck.roles import EDITORS, VIEWERS

DEMO_USERS = [
    ("editor", "editor-demo-password", EDITORS),
    # A second editor: publishing needs another editor's approval (PUBLISH_NEEDS_SECOND_EDITOR).
    ("reviewer", "reviewer-demo-password", EDITORS),
    ("viewer", "viewer-demo-password", VIEWERS),
]
# Printed by `make run` after the demo logins: the demo accounts are not for production.
ACCOUNTS_HELP = f"""\
Your own accounts:
  administrator:  .venv/bin/python manage.py createsuperuser
  editor:         in /admin/ > Users, add the user to the "{EDITORS}" group (records verdicts,
                  publishes, uploads); tick "Staff status" too for the admin's bulk actions
  viewer:         add the user to the "{VIEWERS}" group (reads everything, changes nothing)"""


class Command(BaseCommand):
    help = (
        "Make sure the local demo accounts exist (DEBUG only) and print their logins. "
        "Example: DEBUG=true manage.py ensure_demo_users"
    )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only for local development (DEBUG=true).")
        User = get_user_model()
        for username, password, group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            # Reset the password every time so the printed login always works.
            user.set_password(password)
            # Editors do bulk edits in the admin site.
            user.is_staff = group_name == EDITORS
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            state = "created" if created else "ready"
            self.stdout.write(
                f"Demo {group_name[:-1].lower()} {state}: username {username!r}, "
                f"password {password!r}"
            )
        self.stdout.write(ACCOUNTS_HELP)
