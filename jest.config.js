/** Jest runs the kit's own test suite (tests/). Exercise suites live in grader/ and run through the grader. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["@swc/jest"] },
  moduleNameMapper: {
    "^tensorlings$": "<rootDir>/src/index.ts",
    "^tensorlings/datasets$": "<rootDir>/datasets/index.ts",
    "^tensorlings/io$": "<rootDir>/src/io/index.ts",
  },
  testTimeout: 60000,
};
