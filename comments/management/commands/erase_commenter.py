"""`erase_commenter`: the old name of `erase_personal_data`, kept for the
scripts and docs that use it."""

from home.management.commands.erase_personal_data import Command as ErasePersonalData


class Command(ErasePersonalData):
    """`manage.py erase_commenter EMAIL [--by USERNAME]`: the same as
    `erase_personal_data` (everything EMAIL submitted, comments included)."""

    help = "The old name of erase_personal_data: " + ErasePersonalData.help
