"""The CLI, driven through click's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.tables import CLAIM_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS, read_table

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands() -> dict[str, click.Command]:
    return dict(cli.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_is_documented_in_the_readme(name: str) -> None:
    """Datasette-style: an option missing from the docs fails the build."""
    readme = README.read_text(encoding="utf-8")
    section = readme.split(f"### `dateline {name}`", 1)
    assert len(section) == 2, f"README has no section for `dateline {name}`"
    body = section[1].split("\n### ", 1)[0]
    for param in _commands()[name].params:
        if isinstance(param, click.Option):
            flag = max(param.opts, key=len)
            assert flag in body, f"{flag} of `dateline {name}` is not documented in the README"


def test_extract_writes_the_three_tables(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--out", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    for name, columns in (("documents", DOCUMENT_COLUMNS), ("events", EVENT_COLUMNS), ("claims", CLAIM_COLUMNS)):
        header = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == columns
        assert (out / f"{name}.jsonl").exists()
    documents = read_table(out / "documents.csv")
    assert {d["doc_id"] for d in documents} == {"08MEXICO2276", "07MEXICO6043"}
    assert all(d["status"] == "ok" for d in documents)
    assert "2 documents" in result.output  # summary goes to stderr (mixed in by CliRunner)


def test_quiet_prints_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "-o", str(tmp_path), "--no-cache", "-q"])
    assert result.exit_code == 0
    assert result.output == ""


def test_missing_input_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert result.output.strip().count("\n") == 0
    assert "no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_unwritable_output_is_one_line_error(tmp_path: Path, seeds_dir: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--out", str(blocker / "sub"), "--no-cache"])
    assert result.exit_code != 0
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


def test_bad_files_do_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "garbage.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = read_table(tmp_path / "o" / "documents.csv")
    assert len(rows) == 1 and rows[0]["status"] == "error"


def test_timex_reads_stdin_and_prints_json_lines() -> None:
    result = CliRunner().invoke(cli, ["timex", "--dct", "2008-07-24"], input="He visited Mexico July 17-18.\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records[0]["text"] == "July 17-18"
    assert (records[0]["date_start"], records[0]["date_end"]) == ("2008-07-17", "2008-07-18")
    assert "He visited Mexico July 17-18."[records[0]["start"]:records[0]["end"]] == "July 17-18"


def test_timex_rejects_a_bad_dct() -> None:
    result = CliRunner().invoke(cli, ["timex", "--dct", "24/07/2008"], input="today")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_claims_lines_numbers_each_line() -> None:
    text = "Police seized 5.8 tons of cocaine.\nNothing here.\nThey arrested 12 suspects.\n"
    result = CliRunner().invoke(cli, ["claims", "--lines"], input=text)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["line"], r["value"], r["unit"]) for r in records] == [(1, 5.8, "t"), (3, 12.0, "count")]
    assert text.split("\n")[0][records[0]["start"]:records[0]["end"]].startswith("5.8")


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert re.match(r"dateline, version \d", result.output)


def test_an_input_folder_without_cables_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "README.md").write_text("notes\n")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--data", str(tmp_path / "o"),
                                      "--out", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert "no input file found in" in result.output and "README.md" in result.output
    assert not (tmp_path / "o").exists() and not (tmp_path / "site").exists()


def test_build_reports_every_stage_without_a_terminal(tmp_path: Path, seeds_dir: Path) -> None:
    """CliRunner's stderr is no terminal: one line per stage, so a CI log is never silent."""
    result = CliRunner().invoke(cli, ["build", str(seeds_dir), "--data", str(tmp_path / "o"), "--out",
                                      str(tmp_path / "site"), "--no-cache", "--jobs", "1", "--gold",
                                      str(tmp_path / "no-gold")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for stage in ("extracting cables (2) …", "reading the tables …", "writing the pages (2) …",
                  "drawing the chart images", "building the site with MkDocs …"):
        assert any(line.startswith(stage) for line in lines), (stage, lines)
    assert lines[-1].startswith("site built in")


def test_serve_prints_the_url_and_serves_the_site(tmp_path: Path) -> None:
    import subprocess
    import sys
    import urllib.request

    (tmp_path / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--dir", str(tmp_path), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = re.search(r"open (http://127\.0\.0\.1:\d+/)$", line.strip())
        assert url, line
        with urllib.request.urlopen(url.group(1), timeout=10) as response:
            assert response.read() == b"<p>the site</p>"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_without_a_site_says_what_to_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "run `dateline build` first" in result.output


def test_progress_is_a_bar_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from extractor import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(progress, "BAR_DELAY", 0.0)
    stream = Terminal()
    report = progress.Progress(enabled=True, stream=stream)
    with report.stage("writing the pages", 4) as advance:
        for _ in range(4):
            advance(1)
    with report.stage("building the site with MkDocs"):
        pass
    text = stream.getvalue()
    assert "writing the pages" in text and "100%" in text and "writing the pages (4) …" not in text
    assert "building the site with MkDocs …" in text  # a stage of unknown size: one line
    quiet = Terminal()
    with progress.Progress(enabled=False, stream=quiet).stage("extracting cables", 3) as advance:
        advance(3)
    assert quiet.getvalue() == ""
