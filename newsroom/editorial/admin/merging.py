"""Merging duplicates in the admin: the changelist action "Merge two duplicates" (candidates
and sources, permission newsroom.merge_content) shows what would move and what stands in
the way, lets the editor choose the survivor, then calls newsroom.editorial.merging.merge.
"""

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR, Action, ActionLocation
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import merging
from ..locking import ConcurrentEditError

MERGE_PERMISSION = "newsroom.merge_content"


def merge_duplicates(modeladmin, request, queryset):
    return modeladmin.merging.merge_view(request, queryset)


class DuplicateMerging:
    """The action on the changelist of a mergeable model, and its confirmation page."""

    template = "admin/editorial/history_merge.html"

    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.model = model_admin.model

    def add_action(self, request, actions, action_location) -> None:
        if (
            action_location == ActionLocation.CHANGE_LIST
            and merging.is_mergeable(self.model)
            and request.user.has_perm(MERGE_PERMISSION)
            and self.model_admin.actions is not None
            and IS_POPUP_VAR not in request.GET
        ):
            description = f"Merge two duplicate {self.model._meta.verbose_name_plural}…"
            actions["merge_duplicates"] = Action(
                func=merge_duplicates,
                name="merge_duplicates",
                description=description,
                plural_description=description,
                locations=[ActionLocation.CHANGE_LIST],
            )

    def merge_view(self, request, queryset):
        model_admin = self.model_admin
        if not request.user.has_perm(MERGE_PERMISSION):
            raise PermissionDenied
        items = list(queryset.order_by("pk")[:3])
        if len(items) != 2:
            messages.error(
                request,
                f"Select exactly two {self.model._meta.verbose_name_plural} to merge "
                f"(you selected {queryset.count()}).",
            )
            return None
        if not all(model_admin.has_change_permission(request, item) for item in items):
            raise PermissionDenied
        problems = []
        if request.POST.get("confirm_merge"):
            by_pk = {str(item.pk): item for item in items}
            survivor = by_pk.get(request.POST.get("survivor", ""))
            if survivor is None:
                problems.append("Choose which one stays.")
            else:
                duplicate = next(item for item in items if item is not survivor)
                try:
                    merging.merge(
                        duplicate,
                        into=survivor,
                        by=request.user,
                        note=request.POST.get("merge_note", ""),
                        despite_differences=bool(request.POST.get("despite_differences")),
                    )
                except merging.MergeRefused as refused:
                    problems.extend(refused.problems)
                except ConcurrentEditError as error:
                    problems.append(f"{error} Nothing was merged; try again.")
                else:
                    messages.success(
                        request,
                        f"“{duplicate}” was merged into “{survivor}”: its references moved, "
                        "its old address redirects here, and both histories record the merge.",
                    )
                    opts = self.model._meta
                    return HttpResponseRedirect(
                        reverse(
                            f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}"
                            "_change",
                            args=(survivor.pk,),
                        )
                    )
        first, second = items
        options = [
            {"survivor": first, "duplicate": second, "plan": merging.plan_merge(second, first)},
            {"survivor": second, "duplicate": first, "plan": merging.plan_merge(first, second)},
        ]
        for option in options:
            option["old_path"] = merging._path(option["duplicate"])
            option["new_path"] = merging._path(option["survivor"])
        context = {
            **model_admin.admin_site.each_context(request),
            "title": f"Merge two duplicate {self.model._meta.verbose_name_plural}",
            "opts": self.model._meta,
            "app_label": self.model._meta.app_label,
            "items": items,
            "options": options,
            "problems": problems,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "merge_note": request.POST.get("merge_note", ""),
        }
        return TemplateResponse(request, self.template, context)
