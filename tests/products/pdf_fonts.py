"""Fonts a PDF names anywhere a reader or printer looks: pages, form XObjects
and the appearances of annotations (form fields)."""
from pypdf import PdfReader


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether it is embedded."""
    found: dict[str, bool] = {}
    seen = set()

    def visit(resources):
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get('/Font') or {}).values():
            font = font.get_object()
            name = str(font.get('/BaseFont', '?')).lstrip('/')
            descriptors = [font.get('/FontDescriptor')] + [
                d.get_object().get('/FontDescriptor') for d in font.get('/DescendantFonts', [])]
            found[name] = found.get(name, True) and any(
                d is not None and any(k in d.get_object() for k in
                                      ('/FontFile', '/FontFile2', '/FontFile3'))
                for d in descriptors)
        for xobject in (resources.get('/XObject') or {}).values():
            stream(xobject)

    def stream(obj):
        key = getattr(obj, 'idnum', None) or id(obj)
        if key not in seen:
            seen.add(key)
            visit(obj.get_object().get('/Resources'))

    for page in reader.pages:
        visit(page.get('/Resources'))
        for annotation in page.get('/Annots') or ():
            for state in (annotation.get_object().get('/AP') or {}).values():
                state = state.get_object()
                if '/Resources' in state or hasattr(state, 'get_data'):
                    stream(state)
                else:  # a dictionary of appearance states (check box on/off)
                    for appearance in state.values():
                        stream(appearance)
    return found
