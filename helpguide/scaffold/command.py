"""The ``new`` command: options, questions on a terminal, and the report."""
import sys
from pathlib import Path

from . import Guide, ScaffoldError, create, platform_list

HELP = 'create a new guide in a folder, ready to build'

#: option -> (question asked on a terminal when it is missing, default)
QUESTIONS = {
    'title': ('Title of the guide', 'Getting started'),
    'brand': ('Brand (your company or service)', 'Example Company'),
    'platforms': ('Platforms, separated by commas', 'Windows, Macintosh'),
    'subject': ('What one subject file describes (e.g. "router model")', 'product'),
    'platform_noun': ('What a platform is (e.g. "firmware family")', 'platform'),
}


def add_arguments(parser) -> None:
    parser.add_argument('folder', type=Path, help='folder of the new guide (absent or empty)')
    parser.add_argument('--title', help='title of the guide')
    parser.add_argument('--brand', help='brand name shown on every output')
    parser.add_argument('--platforms', help='platform names in chapter order, separated by '
                                            'commas, e.g. "Windows, Macintosh"; "id=Name" '
                                            'chooses the id the sources use')
    parser.add_argument('--subject', help='what one subject file describes, in lower case, '
                                          'e.g. "email program", "router model"')
    parser.add_argument('--platform-noun', dest='platform_noun',
                        help='what a platform is, in lower case, e.g. "computer", '
                             '"firmware family"')


def _answers(args, interactive: bool) -> dict[str, str]:
    """Each option as given; a missing one asked on a terminal, else its default."""
    answers = {}
    for name, (question, default) in QUESTIONS.items():
        value = getattr(args, name)
        if value is None and interactive:
            value = input(f'{question} [{default}]: ').strip()
        answers[name] = value or default
    return answers


def run(args, interactive: bool | None = None) -> int:
    if interactive is None:
        interactive = sys.stdin.isatty()
    try:
        answers = _answers(args, interactive)
        guide = Guide(title=answers['title'], brand=answers['brand'],
                      platforms=platform_list(answers['platforms']),
                      subject=answers['subject'], platform_noun=answers['platform_noun'])
        create(args.folder, guide)
    except (ScaffoldError, OSError) as err:
        print(f'python -m helpguide new: error: {err}', file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print('\npython -m helpguide new: stopped; nothing was written', file=sys.stderr)
        return 1
    print(f'New guide in {args.folder}. Build every output with:\n'
          f'  cd {args.folder}\n  make\n(see {args.folder / "README.md"})')
    return 0
