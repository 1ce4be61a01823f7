package cn.wenming.practice.org;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface OrgUnitMapper extends BaseMapper<OrgUnit> {

	default List<OrgUnit> findByIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : selectByIds(ids);
	}

}
