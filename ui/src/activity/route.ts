/** The Activity page's address. */
export const ACTIVITY_PATH = '/activity';

export function isActivityPath(path: string): boolean {
  return path === ACTIVITY_PATH || path === `${ACTIVITY_PATH}/`;
}
