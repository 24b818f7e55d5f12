"""The CD bundle: one folder, a zip and an ISO 9660 image, byte-reproducible.

``python -m helpguide.dist`` (``make dist``) gathers the built HTML guide and
PDFs into ``build/dist/<name>-<edition>/`` with a landing page, a README and
SHA256SUMS, and writes the same tree as ``<name>-<edition>.zip`` and
``<name>-<edition>.iso`` beside it. Every date in them is SOURCE_DATE_EPOCH
(by default the time of the last commit), so the same sources give the same
bytes.
"""
