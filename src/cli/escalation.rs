//! `runaround rules` and `runaround clocks`: the rule packs and what they say of a case.
