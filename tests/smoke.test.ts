import * as tf from "tensorlings";

test("the entry point exposes dtypes and NDArray", () => {
  const a = tf.NDArray.from([[1, 2, 3]]);
  expect(a.shape).toEqual([1, 3]);
  expect(a.dtype).toBe(tf.float32);
  expect(a.toArray()).toEqual([[1, 2, 3]]);
});
