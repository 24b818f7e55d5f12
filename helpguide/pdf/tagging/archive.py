"""PDF/A-2 and PDF/UA-1 identification: XMP metadata that says what the
Info dictionary says, and an sRGB output intent.

The XMP packet follows WeasyPrint's (``weasyprint/pdf/metadata.py``): the
PDF/UA identification schema is not one PDF/A predefines, so the packet
describes it in a ``pdfaExtension`` schema, as PDF/A requires.
"""
import re
from functools import cache
from xml.sax.saxutils import escape

from PIL import ImageCms

from ...compat.reportlab import Indirect, Name, Stream, String

#: PDF/A-2 conformance level claimed: A, as the files are tagged with
#: Unicode text (see the README's list of what ``make check-pdf`` checks).
CONFORMANCE = 'A'
SRGB = 'sRGB IEC61966-2.1'

XMP = '''<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>{conformance}</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
{properties}
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>'''

PDF_DATE = re.compile(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:([+-])(\d\d)'?(\d\d)'?|Z)?")


def xmp_date(value: str) -> str:
    """A PDF date (``D:20000101000000+00'00'``) as XMP writes it."""
    m = PDF_DATE.match(value)
    if not m:
        raise ValueError(f'not a PDF date: {value!r}')
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    zone = f'{sign}{oh}:{om}' if sign else 'Z'
    return f'{y}-{mo}-{d}T{h}:{mi}:{s}{zone}'


def xmp_properties(info: dict, lang: str) -> list[str]:
    """The XMP properties that say what the Info dictionary *info* says."""
    out = []
    if info.get('/Title'):
        out.append(f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
                   f'{escape(info["/Title"])}</rdf:li></rdf:Alt></dc:title>')
    if info.get('/Author'):
        out.append(f'   <dc:creator><rdf:Seq><rdf:li>{escape(info["/Author"])}</rdf:li>'
                   '</rdf:Seq></dc:creator>')
    if info.get('/Subject'):
        out.append(f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
                   f'{escape(info["/Subject"])}</rdf:li></rdf:Alt></dc:description>')
    if lang:
        out.append(f'   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag>'
                   '</dc:language>')
    for key, prop in (('/Keywords', 'pdf:Keywords'), ('/Producer', 'pdf:Producer'),
                      ('/Creator', 'xmp:CreatorTool')):
        if info.get(key):
            out.append(f'   <{prop}>{escape(info[key])}</{prop}>')
    for key, prop in (('/CreationDate', 'xmp:CreateDate'), ('/ModDate', 'xmp:ModifyDate')):
        if info.get(key):
            out.append(f'   <{prop}>{xmp_date(info[key])}</{prop}>')
    return out


def metadata(info: dict[str, str], lang: str):
    """The XMP metadata stream saying what the Info dictionary *info* says."""
    packet = XMP.format(conformance=CONFORMANCE,
                        properties='\n'.join(xmp_properties(info, lang)))
    return Stream(packet.encode('utf-8'), {'Type': Name('Metadata'), 'Subtype': Name('XML')},
                  compress=False)  # unfiltered, as PDF/A-1 requires


#: The creation time in an ICC profile's header (bytes 24-35), fixed so
#: that the same sources make the same bytes: 2000-01-01 00:00:00.
ICC_DATE = slice(24, 36)
FIXED_DATE = bytes.fromhex('07d0 0001 0001 0000 0000 0000')


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by Little CMS (through Pillow): nothing to ship."""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile('sRGB')).tobytes())
    profile[ICC_DATE] = FIXED_DATE  # Little CMS writes the time it made the profile
    return bytes(profile)


def output_intent():
    """The PDF/A output intent: sRGB, with its ICC profile."""
    return Indirect({
        'Type': Name('OutputIntent'), 'S': Name('GTS_PDFA1'),
        'OutputConditionIdentifier': String(SRGB), 'Info': String(SRGB),
        'RegistryName': String('http://www.color.org'),
        'DestOutputProfile': Stream(srgb_profile(), {'N': 3})})
