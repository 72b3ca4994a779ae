"""Getting data in: the data contract, reading CSV/XLSX files people have, deriving columns they leave
out, the upload template, month handling, the shipped default data and synthetic test data, and
sources as records."""
