/** Every op definition registers itself on import; this module imports them all once. */
import "./array/constant";
import "./array/placeholder";
import "./array/shapeOps";
import "./array/select";
import "./control/controlFlow";
import "./math/binary";
import "./math/unary";
import "./math/cast";
import "./math/reduce";
import "./math/matmul";
import "./math/addN";
import "./state/variableOps";
import "./random/randomOps";
import "./methods";
import "./io";
