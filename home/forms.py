"""What every public form shares, beside the human checks in `defences`."""

from django import forms


class LineBreaksMixin:
    """Counts a line break in a text box as one character, as the browser's
    own `maxlength` does. Browsers send each line break as two characters
    (CR LF), so without this a comment the box allowed would be refused as
    too long. Line breaks are stored as LF."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        data = self.data.copy()
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            value = data.get(key)
            if isinstance(field.widget, forms.Textarea) and isinstance(value, str):
                data[key] = value.replace("\r\n", "\n").replace("\r", "\n")
        self.data = data
