"""Showing figures: URL view state, choropleth classes and figure text, the SVG map with its labels and
locator, HTML tables, images, the briefing PDF, CSV/XLSX exports, accessibility and colour contrast."""
