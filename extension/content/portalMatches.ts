// Where the content scripts are injected: the portals the unit works on by default. Chrome match
// patterns without a port match every port, which covers the demo portal on 127.0.0.1/localhost.
// The settings' `portalOrigins` then narrows which of these pages are treated as portals.
export const portalMatches = [
  'https://dichvucong.quangnam.gov.vn/*',
  'https://dichvucong.gov.vn/*',
  'https://thutuc.dichvucong.gov.vn/*',
  'http://127.0.0.1/*',
  'http://localhost/*',
];
