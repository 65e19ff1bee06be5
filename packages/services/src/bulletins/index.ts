// The monthly bulletin 月度通报 (issue 8).
export * from './errors';
export * from './scope';
export * from './section-providers';
export * from './default-providers';
export * from './projects-provider';
export * from './supervision-provider';
export * from './tasks-provider';
export * from './assemble-bulletin';
export * from './render-docx';
export * from './render-xlsx';
export * from './render-html';
export * from './bulletin-service';
export * from './zip-times';
