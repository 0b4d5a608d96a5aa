from django.contrib import admin
from django.http import HttpRequest

from .models import Article, ImportJob, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "wire_credit", "source_file", "imported_at"]
    list_filter = ["outlet__kind", "wire_credit", "title_derived", "published"]
    search_fields = ["title", "source_file", "byline", "body"]
    list_select_related = ["outlet"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "imported_at"
    show_facets = admin.ShowFacets.ALWAYS
    readonly_fields = ["content_hash", "encoding", "imported_at", "updated_at"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["id", "status", "file_count", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["outlet_name", "error", "created_by__username"]
    list_select_related = ["created_by"]
    autocomplete_fields = ["created_by"]
    show_facets = admin.ShowFacets.ALWAYS
    readonly_fields = [
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
        "status",
        "outlet_name",
        "file_count",
        "totals",
        "results",
        "error",
        "task_id",
    ]

    # Jobs are made by uploads and run by the worker, not edited by hand.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
