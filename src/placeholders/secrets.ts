const SECRET_NAME = /authorization|key|token|secret|password|passwd|credential|cookie|signature/i;

/** Header (or query parameter) names whose values are credentials by convention. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
