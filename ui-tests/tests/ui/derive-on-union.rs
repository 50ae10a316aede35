use apierr::ApiError;

#[derive(ApiError)]
#[api(code = "UNION", status = 500)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
