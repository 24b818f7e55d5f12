"""Fonts a PDF names, as poppler's pdffonts lists them: pages, form XObjects
and the appearances of annotations (form fields) included."""
import subprocess


def fonts(path) -> dict[str, bool]:
    """Base font name -> whether it is embedded."""
    out = subprocess.run(['pdffonts', str(path)], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    found = {}
    for line in out[2:]:  # after the header and its rule
        columns = line.split()
        # name type... encoding emb sub uni object-number generation
        found[columns[0]] = found.get(columns[0], True) and columns[-5] == 'yes'
    return found
