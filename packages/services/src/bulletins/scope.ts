/** The province the bulletin reports on (浙江省). */
export const BULLETIN_SCOPE = '330000';
