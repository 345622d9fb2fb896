"""The workflow's bulk actions: submit for review, publish (keeping each item's scheduled
time), publish at a chosen time (a confirmation page), unpublish, send back to draft. Each
reports what it did and, item by item, what it refused and why.

`PublishableAdmin` (newsroom/admin.py) offers them; the rules are in newsroom.editorial.workflow.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format

from .. import versions, workflow
from ..locking import ConcurrentEditError
from ..publishing import Status

BOTH_PAGES = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


def take_step(modeladmin, request, queryset, to_status, *, done: str, publish_at=None) -> None:
    """Move each selected item to `to_status`, then say what moved and what was refused."""
    moved, refused, scheduled = 0, [], 0
    now = timezone.now()
    # One new version of each page whose parts move together (versions.record_owner).
    with versions.one_moment():
        for item in queryset:
            try:
                workflow.transition(item, to_status, by=request.user, publish_at=publish_at)
            except workflow.TransitionRefused as refusal:
                refused.append(str(refusal))
            except ConcurrentEditError:
                refused.append(
                    f"{workflow.describe(item)} was changed by someone else meanwhile: try again"
                )
            else:
                moved += 1
                if to_status == Status.PUBLISHED and item.publish_at and item.publish_at > now:
                    scheduled += 1
    parts = []
    if moved:
        parts.append(f"{moved} {done}")
        if scheduled:
            parts[-1] += f" ({scheduled} scheduled: public from their publish time)"
    if refused:
        parts.append(f"{len(refused)} not {done}: {'; '.join(refused)}")
    if not parts:
        return
    level = messages.SUCCESS if not refused else messages.WARNING if moved else messages.ERROR
    modeladmin.message_user(request, "; ".join(parts) + ".", level)


@admin.action(
    description="Submit this %(verbose_name)s for review",
    description_plural="Submit selected %(verbose_name_plural)s for review",
    permissions=["change"],
    location=BOTH_PAGES,
)
def submit_for_review(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.IN_REVIEW, done="submitted for review")


@admin.action(
    description="Publish this %(verbose_name)s",
    description_plural="Publish selected %(verbose_name_plural)s",
    permissions=["publish"],
    location=BOTH_PAGES,
)
def publish(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.PUBLISHED, done="published")


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In the site's time zone. The items stay hidden until then.",
    )


@admin.action(
    description="Publish this %(verbose_name)s at a chosen time…",
    description_plural="Publish selected %(verbose_name_plural)s at a chosen time…",
    permissions=["publish"],
    location=BOTH_PAGES,
)
def schedule_publication(modeladmin, request, queryset):
    form = ScheduleForm(request.POST if "schedule" in request.POST else None)
    if form.is_valid():
        when = form.cleaned_data["publish_at"]
        take_step(
            modeladmin,
            request,
            queryset,
            Status.PUBLISHED,
            done=f"published for {date_format(timezone.localtime(when), 'DATETIME_FORMAT')}",
            publish_at=when,
        )
        return None
    opts = modeladmin.model._meta
    return TemplateResponse(
        request,
        "admin/editorial/schedule.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": f"Publish {opts.verbose_name_plural} at a chosen time",
            "items": list(queryset),
            "form": form,
            "opts": opts,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.action(
    description="Unpublish this %(verbose_name)s",
    description_plural="Unpublish selected %(verbose_name_plural)s",
    permissions=["publish"],
    location=BOTH_PAGES,
)
def unpublish(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.UNPUBLISHED, done="unpublished")


@admin.action(
    description="Send this %(verbose_name)s back to draft",
    description_plural="Send selected %(verbose_name_plural)s back to draft",
    permissions=["change"],
    location=BOTH_PAGES,
)
def send_back_to_draft(modeladmin, request, queryset):
    take_step(modeladmin, request, queryset, Status.DRAFT, done="sent back to draft")


WORKFLOW_ACTIONS = [submit_for_review, publish, schedule_publication, unpublish, send_back_to_draft]
