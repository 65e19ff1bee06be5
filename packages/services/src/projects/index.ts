// Project dispatch (issue 7).
export {};
