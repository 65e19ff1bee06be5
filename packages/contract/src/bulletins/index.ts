// The monthly bulletin 月度通报 (issue 8): HTTP API schemas.
export * from './bulletins';
