"""Privacy: the small-count rule and disclosure control that keeps hidden counts from being worked out
by arithmetic on published figures."""
