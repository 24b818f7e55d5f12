"""The build's timestamp: SOURCE_DATE_EPOCH, by default the last commit's time.

https://reproducible-builds.org/specs/source-date-epoch/
"""
import os
import subprocess


class EpochError(ValueError):
    """SOURCE_DATE_EPOCH is malformed, or there is nothing to default it to."""


def source_date_epoch(repo: str | os.PathLike = '.') -> int:
    value = os.environ.get('SOURCE_DATE_EPOCH', '').strip()
    if value:
        if not value.isdigit():
            raise EpochError(f'SOURCE_DATE_EPOCH must be whole seconds since 1970, not {value!r}')
        return int(value)
    try:
        commit_time = subprocess.run(
            ['git', '-C', os.fspath(repo), 'log', '-1', '--format=%ct'],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as err:
        raise EpochError('SOURCE_DATE_EPOCH is not set and there is no git commit to take '
                         f'its time from ({err})') from err
    return int(commit_time)
