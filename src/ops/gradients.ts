/**
 * Registers the gradients kept in their own modules, after every forward op (as tfjs's
 * register_all_gradients.ts and TF's math_grad.py / array_grad.py do). The forward modules never
 * import these, so the ops they build on form no import cycle; train/gradients.ts imports this.
 */
import "./index";
import "./array/selectGrad";
import "./array/shapeGrad";
import "./math/binaryGrad";
import "./math/cumulativeGrad";
import "./math/prodGrad";
import "./math/reduceGrad";
import "./math/unaryGrad";
