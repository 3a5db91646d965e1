/** `tf.nn`: the activation functions a learner reaches for. */
export { relu, sigmoid, tanh, softplus } from "./math/unary";
