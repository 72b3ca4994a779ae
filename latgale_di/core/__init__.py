"""The project's vocabulary and the things every layer needs: controlled terms (vocab), interface text
(i18n), text safety, paths, logs, the map extent and digit reading."""
