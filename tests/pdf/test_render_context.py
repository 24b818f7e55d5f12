"""What one handler hands to another in the renderer is explicit: a label
reaches the paragraph it was handed to, a book's lead-in is handed back by
``render_book``, and nothing a handler hands on outlives its rendering."""
from docutils.core import publish_doctree
from reportlab.platypus import Flowable

from helpguide.pdf.flowables import ItemLabel
from helpguide.pdf.paragraphs import Paragraph
from helpguide.pdf.render import new_context, render_book, render_document
from helpguide.pdf.styles import book_styles
from helpguide.style import default_style

SOURCE = '''\
Guide
=====

Lead-in paragraph.

Chapter
-------

- First item.

  #. Nested first.
  #. Nested second.

- Second item.

Text [#note]_.

.. [#note] Note with a quote:

      quoted.
'''


def flatten(flowables) -> list[Flowable]:
    out = []
    for flowable in flowables:
        out.append(flowable)
        out.extend(flatten(getattr(flowable, '_content', None)
                           or getattr(flowable, 'flowables', None) or []))
    return out


def doctree():
    # Sections as Sphinx keeps them: docutils would make the first a title.
    return publish_doctree(SOURCE, settings_overrides={'doctitle_xform': False})


def context(tmp_path):
    return new_context(book_styles(default_style()), 400, 600, tmp_path)


def test_a_book_hands_its_lead_in_back_and_the_scope_is_restored(tmp_path):
    ctx = context(tmp_path)
    before = ctx.scope
    lead_in, body = render_book(doctree(), ctx)
    assert [f.text for f in lead_in if isinstance(f, Paragraph)] == ['Lead-in paragraph.']
    assert 'Lead-in paragraph.' not in [f.text for f in flatten(body) if isinstance(f, Paragraph)]
    assert [level for level, _markup, _key in ctx.contents] == [1]
    assert ctx.scope == before


def test_each_label_hangs_on_the_paragraph_it_was_handed_to(tmp_path):
    ctx = context(tmp_path)
    body = flatten(render_document(doctree(), ctx))
    hung = [(f.text, f.bulletText) for f in body
            if isinstance(f, Paragraph) and f.bulletText]
    assert hung == [('First item.', '\N{BULLET}'), ('Nested first.', '1.'),
                    ('Nested second.', '2.'), ('Second item.', '\N{BULLET}'),
                    ('Note with a quote:', '1')]
    # A one-sheet product titles nothing: the lead-in stays where it is written.
    assert 'Lead-in paragraph.' in [f.text for f in body if isinstance(f, Paragraph)]
    assert not any(isinstance(f, ItemLabel) for f in body)


def test_a_footnote_that_starts_with_a_list_keeps_its_mark(tmp_path):
    """No paragraph takes the mark it is handed: the note prints it itself
    (before, the mark was lost and the reference led to an unnumbered note)."""
    source = 'Chapter\n-------\n\nText [#n]_.\n\n.. [#n] - a listed note\n'
    tree = publish_doctree(source, settings_overrides={'doctitle_xform': False})
    body = flatten(render_document(tree, context(tmp_path)))
    labels = [f for f in body if isinstance(f, ItemLabel)]
    assert [label.label for label in labels] == ['1']
    assert body.index(labels[0]) < next(i for i, f in enumerate(body)
                                        if getattr(f, 'text', '') == 'a listed note')
