"""``python -m helpguide COMMAND``: the engine's command line.

Each command is a module with ``HELP``, ``add_arguments(parser)`` and
``run(args) -> exit status``.
"""
import argparse
import sys

from .publish import command as build
from .scaffold import command as new

COMMANDS = {
    'build': build,
    'new': new,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog='python -m helpguide',
                                     description='Publish printable, offline help guides.')
    commands = parser.add_subparsers(dest='command', required=True, metavar='COMMAND')
    for name, module in COMMANDS.items():
        module.add_arguments(commands.add_parser(name, help=module.HELP,
                                                 description=module.HELP))
    args = parser.parse_args(argv)
    return COMMANDS[args.command].run(args)


if __name__ == '__main__':
    sys.exit(main())
