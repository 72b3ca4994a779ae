"""Where things are: the two boundary sets, municipality names and ATVK codes, re-aggregation of
pre-2021 units into current ones, population, and the facility (site) register."""
