/** A problem with how the CLI was called or with its input: reported in one line, exit code 2. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}
