"""Admin actions of the two-person rule: a second editor confirms or retracts race calls."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from .models import RaceCall
from .services import confirm_call, retract_call


@admin.action(description="Confirm selected race calls (second person)")
def confirm_race_calls(modeladmin, request, queryset):
    confirmed = 0
    for call in queryset.select_related("winner", "contest"):
        try:
            confirm_call(call, by=request.user)
        except RaceCall.CannotConfirm as refusal:
            modeladmin.message_user(request, f"{call}: {refusal}", messages.ERROR)
        else:
            confirmed += 1
    if confirmed:
        modeladmin.message_user(request, f"Confirmed {confirmed} race call(s); now public.")


@admin.action(description="Retract selected race calls…")
def retract_race_calls(modeladmin, request, queryset):
    calls = list(queryset.select_related("winner", "contest"))
    note = request.POST.get("retraction_note", "").strip()
    if "retract" not in request.POST or not note:
        return TemplateResponse(
            request,
            "admin/results/racecall/retract.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": "Retract race calls",
                "calls": calls,
                "opts": modeladmin.model._meta,
                "missing_note": "retract" in request.POST,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
    for call in calls:
        try:
            retract_call(call, by=request.user, note=note)
        except RaceCall.CannotConfirm as refusal:
            modeladmin.message_user(request, f"{call}: {refusal}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"Retracted: {call}.")
    return None
