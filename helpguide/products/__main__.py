"""``python -m helpguide.products BUILDER``: one print product, named by its
builder; ``python -m helpguide build`` does the work (and the publishing:
the last good product is replaced only if the build succeeds).

    python -m helpguide.products handouts            # build/pdf/handouts/*.pdf
    python -m helpguide.products support-checklist   # build/pdf/support-checklist.pdf
    python -m helpguide.products saddle-stitch --paper a4
    python -m helpguide.products booklet             # build/pdf/guide.pdf (any project)
"""
import argparse
import sys

from helpguide.publish import PRODUCTS
from helpguide.publish.command import main as build

PROG = 'python -m helpguide.products'

#: builder -> the build command's target
TARGETS = {product.builder: name for name, product in PRODUCTS.items()
           if product.folder == 'pdf'}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=PROG,
                                     description=__doc__.split('\n\n')[0])
    parser.add_argument('builder', choices=TARGETS)
    parser.add_argument('--output', default='build/pdf',
                        help='folder of the PDF outputs (default: %(default)s)')
    args, options = parser.parse_known_args(argv)
    return build([TARGETS[args.builder], '--pdf', args.output, *options], PROG)


if __name__ == '__main__':
    sys.exit(main())
