//! `string_enum!`: an enum whose values are the contract's camelCase strings, with `ALL`,
//! `as_str` and `parse`. Used for every enum of the contract and for warning codes.

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $s)] $variant),+ }
        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The contract's string for this value.
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $s),+ } }
            /// Parses the contract's string.
            pub fn parse(s: &str) -> Option<Self> { match s { $($s => Some($name::$variant),)+ _ => None } }
        }
    };
}
