"""`manage.py compile_translations`: compile every .po file into its .mo.

Django's own `compilemessages` needs GNU gettext's msgfmt, which a fresh
machine may lack; polib (which wagtail-localize already brings) does the same
job in pure Python. Compiled .mo files are build output and not committed.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

import polib


def locale_dirs():
    """Returns every locale/ folder Django reads translations from."""
    dirs = [Path(path) for path in settings.LOCALE_PATHS]
    for app_config in apps.get_app_configs():
        # Only the project's own apps: installed packages ship compiled files.
        if Path(app_config.path).resolve().parent == settings.BASE_DIR:
            dirs.append(Path(app_config.path) / "locale")
    return [path for path in dirs if path.is_dir()]


class Command(BaseCommand):
    help = "Compile the project's .po files into .mo files without GNU gettext."

    def handle(self, *args, **options):
        count = 0
        for directory in locale_dirs():
            for po_path in sorted(directory.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"Compiled {count} translation file(s).")
