// Project dispatch (issue 7): HTTP API schemas.
export * from './projects';
