"""Forms of the import page: the upload, and the confirmation that carries the previewed file.

The confirmation form carries the file itself, signed, so a preview writes nothing to the
server; the signature stops anyone from swapping the file between preview and apply.
"""

import base64

from django import forms
from django.core import signing

MAX_FILE_SIZE = 5 * 1024 * 1024
SALT = "results.import"
PREVIEW_VALID_FOR = 60 * 60
MAX_NOTE_LENGTH = 1000
NOTE_HELP = (
    "Optional. When the file changes figures readers could already see (votes, shares or "
    "delegates of a published contest), this public note is shown with the update on the "
    "contest's page and on /corrections/. Left empty, the note names the reporting level."
)


def note_field(widget=None) -> forms.CharField:
    return forms.CharField(
        label="Public note on changed figures",
        required=False,
        max_length=MAX_NOTE_LENGTH,
        strip=True,
        help_text=NOTE_HELP,
        widget=widget or forms.Textarea(attrs={"rows": 2}),
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Results file",
        help_text="A .csv or .json file in UTF-8, in the results file format (linked above).",
    )
    note = note_field()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError("The file is larger than 5 MB; split it by contest.")
        return upload


class ApplyForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)
    fingerprint = forms.CharField(widget=forms.HiddenInput)
    note = note_field(forms.HiddenInput)

    @staticmethod
    def sign(content: bytes, filename: str) -> str:
        data = {"filename": filename, "content": base64.b64encode(content).decode()}
        return signing.dumps(data, salt=SALT, compress=True)

    def clean_payload(self) -> tuple[bytes, str]:
        try:
            data = signing.loads(self.cleaned_data["payload"], salt=SALT, max_age=PREVIEW_VALID_FOR)
        except signing.SignatureExpired as error:
            message = "The preview is over an hour old; upload the file again."
            raise forms.ValidationError(message) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                "The preview was altered; upload the file again."
            ) from error
        return base64.b64decode(data["content"]), data["filename"]
