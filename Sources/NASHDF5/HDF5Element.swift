import CHDF5

/// A fixed-size numeric type that maps onto an HDF5 native memory type and a portable file type.
public protocol HDF5Element: Sendable {
    /// The in-memory type libhdf5 converts to when reading.
    static var nativeType: hid_t { get }
    /// The little-endian type written to files (what h5py reads on any machine).
    static var fileType: hid_t { get }
    static var zero: Self { get }
}

extension Float: HDF5Element {
    public static var nativeType: hid_t { nb_h5t_native_float() }
    public static var fileType: hid_t { nb_h5t_ieee_f32le() }
}
extension Double: HDF5Element {
    public static var nativeType: hid_t { nb_h5t_native_double() }
    public static var fileType: hid_t { nb_h5t_ieee_f64le() }
}
extension Int32: HDF5Element {
    public static var nativeType: hid_t { nb_h5t_native_int32() }
    public static var fileType: hid_t { nb_h5t_std_i32le() }
}
extension Int64: HDF5Element {
    public static var nativeType: hid_t { nb_h5t_native_int64() }
    public static var fileType: hid_t { nb_h5t_std_i64le() }
}
extension UInt8: HDF5Element {
    public static var nativeType: hid_t { nb_h5t_native_uint8() }
    public static var fileType: hid_t { nb_h5t_std_u8le() }
}

/// The class of a stored element, for checking a file's schema before reading it.
public enum HDF5TypeClass: Sendable, Equatable {
    case integer, float, string, other

    init(_ type: hid_t) {
        switch H5Tget_class(type) {
        case H5T_INTEGER: self = .integer
        case H5T_FLOAT: self = .float
        case H5T_STRING: self = .string
        default: self = .other
        }
    }
}
