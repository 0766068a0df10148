"""The one-file page and its command (biomech.web.page, python -m biomech page), without a browser."""

from __future__ import annotations

import base64
import gzip
import json
import re

import pytest

from biomech.__main__ import main
from biomech.web import page as web_page

SMALL = [{"mechanism": "blog", "cue": "stand_tall", "tissue": "Sartorius"}]


@pytest.fixture
def small(monkeypatch):
    """The command's page with one setting (the whole page takes half a minute)."""
    monkeypatch.setattr(web_page, "page_settings", lambda: list(SMALL))


def packed_payload(text: str) -> dict:
    data = re.search(r'<script id="hiplab-data" type="application/gzip;base64">(.*?)</script>', text, re.S)
    assert data, "the page lost its scenes"
    return json.loads(gzip.decompress(base64.b64decode(data.group(1))))


def test_the_command_writes_one_self_contained_file_atomically(small, tmp_path, capsys):
    target = tmp_path / "out" / "lab.html"
    target.parent.mkdir()
    target.write_text("old")
    assert main(["page", "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target.resolve())
    assert [p.name for p in target.parent.iterdir()] == ["lab.html"]  # no temporary file left
    text = target.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>") and web_page.POLICY in text and web_page.NOTE in text
    script, style = web_page.renderer_files()
    assert script in text and style in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    payload = packed_payload(text)
    assert [(s["mechanism"], s["cue"], s["tissue"]) for s in payload["settings"]] == [
        ("blog", "stand_tall", "Sartorius")
    ]


def test_the_same_page_twice_is_the_same_bytes(tmp_path):
    first = web_page.write_page(tmp_path / "a.html", settings=SMALL).read_bytes()
    assert web_page.write_page(tmp_path / "b.html", settings=SMALL).read_bytes() == first


def test_an_unwritable_target_is_a_runtime_failure_and_leaves_nothing(small, tmp_path, capsys):
    folder = tmp_path / "file-not-folder"
    folder.write_text("")
    assert main(["page", "--out", str(folder / "lab.html")]) == 1
    assert "python -m biomech page: error:" in capsys.readouterr().err


def test_the_fixed_settings_line_names_the_defaults():
    line = web_page._fixed_line()
    assert "squeeze demand 9 deg" in line and "standing pelvic tilt 10 deg" in line
