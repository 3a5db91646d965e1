import chalk from "chalk";

/** A chalk for text views: `color` forces colours on or off; undefined follows the terminal. */
export function makeChalk(color?: boolean): chalk.Chalk {
  const level = color === undefined ? chalk.level : color ? Math.max(1, chalk.level) : 0;
  return new chalk.Instance({ level: level as chalk.Level });
}
