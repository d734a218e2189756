"""CLI commands under ``scraper sites``: list, check and test site configs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from scraper.cli.app import app
from scraper.cli.output import print_json, summary
from scraper.errors import EXIT_PARTIAL, EXIT_USAGE, ConfigError, UsageError
from scraper.sites import SiteConfig, config_files, default_directory, load_config

sites_app = typer.Typer(
    help="Site configs (selectors/*.toml): list, validate, test.\n\nExample: scraper sites check",
    no_args_is_help=True,
)
app.add_typer(sites_app, name="sites")

DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir",
        help="Folder of site configs (default: $SCRAPER_SELECTORS or the repo's selectors/).",
        file_okay=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")]


def _load_each(paths: list[Path]) -> tuple[list[SiteConfig], dict[Path, str]]:
    """The configs that load, and one error line per config file that does not."""
    configs: list[SiteConfig] = []
    errors: dict[Path, str] = {}
    for path in paths:
        try:
            configs.append(load_config(path))
        except ConfigError as err:
            errors[path] = str(err)
    return configs, errors


def _report_invalid(errors: list[str] | dict[Path, str]) -> None:
    """One ``error:`` line per invalid config on stderr, then exit 2 (usage/config error)."""
    for line in errors.values() if isinstance(errors, dict) else errors:
        typer.echo(f"error: {line}", err=True)
    if errors:
        typer.echo("(run `scraper sites check` for details)", err=True)
        raise typer.Exit(EXIT_USAGE)


def _files(directory: Path | None) -> list[Path]:
    folder = directory or default_directory()
    if not folder.is_dir():
        raise UsageError(f"no config folder at {folder} (pass --dir or set SCRAPER_SELECTORS)")
    files = config_files(folder)
    if not files:
        # A wrong --dir must not pass `sites check` in cron as "0 invalid".
        raise UsageError(f"no site configs (*.toml) in {folder}")
    return files


@sites_app.command("list")
def list_sites(directory: DirOption = None, as_json: JsonOption = False) -> None:
    """List the site configs: name, file, hosts and number of embedded tests.

    Example: scraper sites list --json
    """
    rows: list[dict[str, Any]] = []
    configs, errors = _load_each(_files(directory))
    for config in configs:
        rows.append(
            {
                "name": config.name,
                "file": str(config.path),
                "hosts": list(config.hosts),
                "layouts": [layout.name for layout in config.layouts],
                "tests": len(config.tests),
            }
        )
    if as_json:
        print_json(rows)
    else:
        for row in rows:
            typer.echo(
                f"{row['name']}\t{Path(row['file']).name}\t{', '.join(row['hosts'])}\t"
                f"{row['tests']} tests"
            )
    _report_invalid(errors)


def _check_one(path: Path) -> dict[str, Any]:
    try:
        config = load_config(path)
    except ConfigError as err:
        return {"file": str(path), "ok": False, "error": str(err)}
    for i, case in enumerate(config.tests):
        if not case.fixture.is_file():
            problem = f"{path}: tests[{i}].fixture: no such file {case.fixture}"
            return {"file": str(path), "ok": False, "error": problem}
    return {"file": str(path), "ok": True, "error": None, "name": config.name}


@sites_app.command("check")
def check_sites(
    directory: DirOption = None, as_json: JsonOption = False, quiet: QuietOption = False
) -> None:
    """Validate every site config (TOML, keys, types, regexes, CSS selectors, fixture paths).

    Exits 2 when any config is invalid, naming the file, the key and the problem.

    Example: scraper sites check --dir selectors/
    """
    results = [_check_one(path) for path in _files(directory)]
    bad = [r for r in results if not r["ok"]]
    if as_json:
        print_json(results)
    else:
        for result in results:
            line = f"ok\t{result['file']}" if result["ok"] else f"error: {result['error']}"
            typer.echo(line, err=not result["ok"])
    summary(f"{len(results) - len(bad)} valid, {len(bad)} invalid configs", quiet)
    if bad:
        raise typer.Exit(EXIT_USAGE)


def _select(configs: list[SiteConfig], site: str | None) -> list[SiteConfig]:
    if site is None:
        return configs
    chosen = [c for c in configs if _names(c, site)]
    if not chosen:
        raise UsageError(f"no site config named {site!r} (see: scraper sites list)")
    return chosen


def _names(config: SiteConfig, site: str) -> bool:
    """Whether ``site`` (lowercase, no www.) names ``config``: its name, file stem or a host."""
    wanted = site.lower().removeprefix("www.")
    stem = config.path.stem if config.path else ""
    return wanted in (config.name.lower(), stem, *config.hosts)


@sites_app.command("test")
def test_sites(
    site: Annotated[
        str | None, typer.Argument(help="Config name, file stem or host; default: all.")
    ] = None,
    directory: DirOption = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Run the test cases embedded in the site configs; prints pass/fail and what differed.

    Exits 1 when any case fails, 2 when a config is invalid (the valid ones still run).

    Example: scraper sites test apnews.com
    """
    from scraper.extract.site_tests import run_site_test

    results: list[dict[str, Any]] = []
    configs, errors = _load_each(_files(directory))
    if site is not None and errors and not any(_names(c, site) for c in configs):
        # The wanted config may be the broken one: name it when its file says so.
        wanted = {p: e for p, e in errors.items() if p.stem == site.lower().removeprefix("www.")}
        if wanted:
            _report_invalid(wanted)
        raise UsageError(
            f"no valid site config named {site!r}; {len(errors)} configs in "
            f"{directory or default_directory()} are invalid and one may be it "
            "(see: scraper sites check)"
        )
    for config in _select(configs, site):
        for i, case in enumerate(config.tests):
            problems = run_site_test(config, case)
            results.append(
                {
                    "site": config.name,
                    "case": i,
                    "fixture": str(case.fixture),
                    "ok": not problems,
                    "problems": problems,
                }
            )
    failed = [r for r in results if not r["ok"]]
    if as_json:
        print_json(results)
    else:
        for result in results:
            status = "pass" if result["ok"] else "FAIL"
            typer.echo(f"{status}\t{result['site']} [{result['case']}]\t{result['fixture']}")
            for problem in result["problems"]:
                typer.echo(f"\t{problem}")
    untested = "" if results else " (no [[tests]] in these configs: see docs/selectors.md)"
    summary(f"{len(results) - len(failed)} passed, {len(failed)} failed{untested}", quiet)
    if site is None:
        _report_invalid(errors)
    if failed:
        raise typer.Exit(EXIT_PARTIAL)
