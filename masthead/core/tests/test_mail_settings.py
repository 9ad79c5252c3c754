"""DKIM settings that cannot sign stop the site at start-up with what is wrong, not at a send."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


def check_says(**settings) -> str:
    with override_settings(**settings), pytest.raises(SystemCheckError) as raised:
        call_command("check")
    return str(raised.value)


def test_no_dkim_settings_is_fine():
    with override_settings(DKIM_DOMAIN="", DKIM_SELECTOR="", DKIM_PRIVATE_KEY_FILE=""):
        call_command("check")


def test_a_half_made_setting_names_what_is_missing():
    said = check_says(DKIM_DOMAIN="news.example.org", DKIM_SELECTOR="", DKIM_PRIVATE_KEY_FILE="")
    assert "DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE is not set" in said


def test_a_key_file_that_is_missing_or_not_a_key_is_named(tmp_path):
    given = {"DKIM_DOMAIN": "news.example.org", "DKIM_SELECTOR": "mail"}
    missing = tmp_path / "nowhere.pem"
    assert "No such file or directory" in check_says(**given, DKIM_PRIVATE_KEY_FILE=str(missing))
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("my DKIM key is in the password manager")
    said = check_says(**given, DKIM_PRIVATE_KEY_FILE=str(not_a_key))
    assert "is not an RSA or Ed25519 private key" in said
