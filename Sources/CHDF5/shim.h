// Swift cannot import libhdf5's type and flag macros (they expand to calls such as
// `H5OPEN H5T_NATIVE_FLOAT_g`), so this header exposes them as small inline functions.
#ifndef NASBENCH_CHDF5_SHIM_H
#define NASBENCH_CHDF5_SHIM_H
#include <hdf5.h>
#include <string.h>

static inline hid_t nb_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t nb_h5s_all(void) { return H5S_ALL; }
static inline hid_t nb_h5e_default(void) { return H5E_DEFAULT; }
static inline unsigned nb_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned nb_h5f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline unsigned nb_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned nb_h5f_acc_excl(void) { return H5F_ACC_EXCL; }

static inline hid_t nb_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t nb_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t nb_h5p_group_create(void) { return H5P_GROUP_CREATE; }

static inline hid_t nb_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t nb_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t nb_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t nb_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t nb_h5t_native_uint8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t nb_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t nb_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t nb_h5t_std_i32le(void) { return H5T_STD_I32LE; }
static inline hid_t nb_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t nb_h5t_std_u8le(void) { return H5T_STD_U8LE; }
static inline hid_t nb_h5t_c_s1(void) { return H5T_C_S1; }
static inline size_t nb_h5t_variable(void) { return H5T_VARIABLE; }

/// Turns off libhdf5's automatic printing of its error stack to stderr.
static inline void nb_h5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

static herr_t nb_h5_walk_cb(unsigned n, const H5E_error2_t *err, void *data) {
    if (n == 0 && err && err->desc) {
        strncpy((char *)data, err->desc, 255);
        ((char *)data)[255] = 0;
    }
    return 0;
}

/// Copies the innermost message of the current error stack into `buffer` (256 bytes).
static inline void nb_h5_last_error(char *buffer) {
    buffer[0] = 0;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, nb_h5_walk_cb, buffer);
}
#endif
