"""`export_commenter`: the old name of `export_personal_data`, kept for the
scripts and docs that use it."""

from home.management.commands.export_personal_data import Command as ExportPersonalData


class Command(ExportPersonalData):
    """`manage.py export_commenter EMAIL [--output FILE] [--by USERNAME]`: the
    same as `export_personal_data` (everything EMAIL submitted, comments
    included)."""

    help = "The old name of export_personal_data: " + ExportPersonalData.help
