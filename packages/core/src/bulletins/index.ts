// The monthly bulletin (月度通报, issue 8 §4): pure composition of its sections.
export {};
