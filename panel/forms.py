"""The panel's answer form: one "I understand this" / "I don't understand this" per point."""

from django import forms

from feedback.uploads import audio_check

UNDERSTOOD = "yes"
NOT_UNDERSTOOD = "no"


class CheckForm(forms.Form):
    """Fields ``answer-<id>``, ``reason-<id>`` and ``audio-<id>`` for each block id."""

    def __init__(self, *args, block_ids: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.block_ids = block_ids
        for block_id in block_ids:
            self.fields[f"answer-{block_id}"] = forms.ChoiceField(
                choices=[
                    (UNDERSTOOD, "I understand this"),
                    (NOT_UNDERSTOOD, "I don't understand this"),
                ],
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Choose 'I understand this' or 'I don't understand this'."
                },
            )
            self.fields[f"reason-{block_id}"] = forms.CharField(
                required=False, max_length=2000, widget=forms.Textarea
            )
            self.fields[f"audio-{block_id}"] = forms.FileField(
                required=False, validators=[audio_check]
            )

    def answers(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "block_id": block_id,
                "understood": data[f"answer-{block_id}"] == UNDERSTOOD,
                "reason": data.get(f"reason-{block_id}") or "",
                "audio": data.get(f"audio-{block_id}"),
            }
            for block_id in self.block_ids
        ]
