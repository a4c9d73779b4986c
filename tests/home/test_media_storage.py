"""Media storage is chosen by the environment: local files by default, an
S3-compatible bucket with MEDIA_STORAGE=s3 (the optional `.[s3]` extra)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_STORAGE = (
    "import json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings';"
    "from django.conf import settings; print(json.dumps(settings.STORAGES['default']))"
)


def storage_with(tmp_path, **env):
    environment = {"PATH": os.environ["PATH"], "COMMONS_TESTING": "1", "VAR_DIR": str(tmp_path)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_STORAGE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_media_are_local_files_by_default(tmp_path):
    result = storage_with(tmp_path)
    storage = json.loads(result.stdout)
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_media_storage_s3_uses_the_bucket_from_the_environment(tmp_path):
    result = storage_with(
        tmp_path,
        MEDIA_STORAGE="s3",
        MEDIA_BUCKET="commons-media",
        MEDIA_REGION="eu-west-2",
        MEDIA_ENDPOINT_URL="https://s3.example.org",
        MEDIA_CUSTOM_DOMAIN="media.commons.example.org",
    )
    storage = json.loads(result.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "commons-media"
    assert storage["OPTIONS"]["region_name"] == "eu-west-2"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert storage["OPTIONS"]["custom_domain"] == "media.commons.example.org"


def test_s3_without_a_bucket_or_an_unknown_storage_refuses_to_start(tmp_path):
    no_bucket = storage_with(tmp_path, MEDIA_STORAGE="s3")
    assert no_bucket.returncode != 0
    assert "MEDIA_BUCKET" in no_bucket.stderr
    unknown = storage_with(tmp_path, MEDIA_STORAGE="ftp")
    assert unknown.returncode != 0
    assert "local or s3" in unknown.stderr
