"""What ``python -m helpguide build TARGET...`` makes, and how: one command
line per product, which ``make`` runs too.

Each Sphinx product is built by :func:`build_product` through
:func:`helpguide.staging.staged_build`: in staging folders, published with
its doctree cache only when the build succeeds (warnings are errors).
"""
import sys
from dataclasses import dataclass
from pathlib import Path

from sphinx.cmd.build import build_main

from ..guarded import DiskError, disk_errors_said
from ..locale import forget_languages
from ..locale.languages import guide_languages, language_dir, language_folders, warn_incomplete
from ..staging import staged_build, staged_paths


@dataclass(frozen=True)
class Product:
    """A Sphinx product: its builder and where it goes."""
    builder: str
    title: str
    folder: str                 # option naming its folder: 'html', 'epub', 'pdf'
    below: str = ''             # a folder of its own below that one
    files: bool = False         # its files share the folder with other products
    per_document: bool = False  # a file per document: delete those of removed documents
    fresh: bool = False         # made afresh: nothing of the last build is reused


PRODUCTS = {
    'html': Product('html', 'the offline HTML guide', 'html', per_document=True),
    'epub': Product('epub', 'the EPUB', 'epub', fresh=True),
    'booklet': Product('booklet', 'the PDF booklet', 'pdf', files=True),
    'form': Product('support-checklist', 'the fillable support checklist', 'pdf', files=True),
    'saddle-stitch': Product('saddle-stitch', 'the saddle-stitch booklet', 'pdf', files=True),
    'handouts': Product('handouts', 'the handouts', 'pdf', below='handouts'),
}

#: Steps that are not a Sphinx build
STEPS = {
    'check': 'check the sources',
    'dist': 'the CD bundle from what is built',
}

#: name -> the targets it stands for, as in the Makefile
GROUPS = {
    'pdf': ('booklet', 'form', 'saddle-stitch'),
    'all': ('html', 'pdf', 'handouts'),
}

TARGETS = (*PRODUCTS, *STEPS, *GROUPS)


def expand(targets) -> list[str]:
    """The products and steps *targets* name, in order, each once."""
    done = []
    for target in targets:
        for name in expand(GROUPS[target]) if target in GROUPS else [target]:
            if name not in done:
                done.append(name)
    return done


def output_of(product: Product, folders: dict[str, Path]) -> Path:
    folder = folders[product.folder]
    return folder / product.below if product.below else folder


def sphinx_options(args) -> list[str]:
    """sphinx-build's options for every product: warnings are errors, the
    command's verbosity, processes, paper and -D settings."""
    options = ['-W', '-c', str(args.conf), '-j', str(args.jobs)]
    if args.quiet:
        options.append('-q')
    options += ['-v'] * args.verbose
    if args.paper:  # one edition, on that paper
        options += ['-D', f'guide_paper={args.paper}', '-D', f'guide_papers={args.paper}']
    if getattr(args, 'release', False):
        options += ['-D', 'guide_release=1']
    for define in args.define:
        options += ['-D', define]
    return options


def build_product(product: Product, live: Path, args) -> int:
    """Build *product* into *live*; publish it only if the build succeeds."""
    options = ['-b', product.builder, *sphinx_options(args)]

    def build(outdir: Path, doctreedir: Path) -> int:
        # Whatever ran before in this process (a build that stopped before its
        # end, a test), the build starts in its own language.
        forget_languages()
        return build_main([*options, '-d', str(doctreedir), str(args.source), str(outdir)])

    return staged_build(live, args.doctrees, build, whole=not product.files,
                        per_document=product.per_document, fresh=product.fresh,
                        prog=args.prog)


def say(args, message: str) -> None:
    """One line per product, unless -q."""
    if not args.quiet:
        print(f'helpguide: {message}', flush=True)


def run_step(name: str, args, folders: dict[str, Path]) -> int:
    if name == 'check':
        from ..checks.__main__ import main as check
        return check([str(args.source), '--conf', str(args.conf)])
    from ..dist.__main__ import main as dist
    return dist(['--conf', str(args.conf), '--html', str(folders['html']),
                 '--pdf', str(folders['pdf']), '--out', str(folders['dist']),
                 *(['--release'] if getattr(args, 'release', False) else [])])


def build_targets(targets, args, folders: dict[str, Path]) -> int:
    """Make each target in turn, in every language of ``guide_languages``
    (each in its language's folders; ``-D language=xx`` makes just that one,
    in the folders given); stop at the first that fails."""
    chosen = any(define.startswith('language=') for define in args.define)
    languages = [] if chosen else language_folders(guide_languages(args.conf))
    for name in expand(targets):
        if name in STEPS:  # the checks and the CD bundle see every language at once
            say(args, STEPS[name])
            status = run_step(name, args, folders)
            if status:
                return status
            continue
        for language in languages or [None]:
            status = build_in(PRODUCTS[name], name, args, folders, language)
            if status:
                return status
    for language in languages:
        warn_incomplete(args.source, args.conf, language, args.prog)
    return 0


def build_in(product: Product, name: str, args, folders: dict[str, Path],
             language: str | None) -> int:
    """*product* in *language* (``None``: a guide in one language, as it is)."""
    if language:
        kept = getattr(args, 'kept', None)
        args = replace_args(args, doctrees=args.doctrees / language,
                            define=[*args.define, f'language={language}'],
                            kept=kept and language_dir(kept.parent, language) / kept.name)
        folders = {key: language_dir(folder, language) for key, folder in folders.items()}
    live = output_of(product, folders)
    say(args, f'building {product.title} ({name}{", " + language if language else ""}) '
              f'in {live}')
    # A disk error names the output as the user knows it, not its staged copy.
    kept = getattr(args, 'kept', None) or live
    try:
        with disk_errors_said(args.prog, kept,
                              staged_paths(live, args.doctrees, not product.files)):
            status = build_product(product, live, args)
    except DiskError as err:  # a full disk, an unwritable folder: one line
        print(err, file=sys.stderr)
        return 1
    if status:
        print(f'{args.prog}: error: {product.builder} was not built; {kept} is unchanged',
              file=sys.stderr)
        return status
    # Sphinx named the staging folder it wrote in; this is where it is now.
    say(args, f'{product.title} published in {live}')
    return 0


def replace_args(args, **changes):
    """A copy of the command's arguments with *changes*."""
    copy = type(args)(**vars(args))
    for key, value in changes.items():
        setattr(copy, key, value)
    return copy
